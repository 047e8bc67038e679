# S000-gc: pods of ReplicaSet `my-repset` carry ownerReferences; Background, Foreground and Orphan deletion differ
# zh: ReplicaSet `my-repset` 的 Pod 带有 ownerReferences；后台、前台与孤立三种级联删除各不相同
cat > my-repset.yaml <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: my-repset
spec:
  replicas: 3
  selector:
    matchLabels:
      pod-is-for: garbage-collection-example
  template:
    metadata:
      labels:
        pod-is-for: garbage-collection-example
    spec:
      containers:
        - name: app
          image: app:1.0.0
          imagePullPolicy: Never
EOF
kubectl apply -f my-repset.yaml
sleep 10
kubectl get pods --output=yaml
kubectl get rs my-repset -o jsonpath='{.metadata.uid}'
# The seed sends DeleteOptions through `kubectl proxy` and curl; `kubectl delete --cascade` sends the same
# propagationPolicy. --wait=false returns right after the DELETE, so the next commands see the state it left.
# Background: the ReplicaSet is gone at once, the garbage collector deletes its pods afterwards.
kubectl delete rs my-repset --cascade=background --wait=false
kubectl get rs my-repset
kubectl get pods -l pod-is-for=garbage-collection-example
sleep 15
kubectl get pods -l pod-is-for=garbage-collection-example
# Foreground: the ReplicaSet stays, marked for deletion, until its pods are gone.
kubectl apply -f my-repset.yaml
sleep 10
kubectl delete rs my-repset --cascade=foreground --wait=false
kubectl get rs my-repset -o jsonpath='{.metadata.finalizers}'
sleep 15
kubectl get rs my-repset
kubectl get pods -l pod-is-for=garbage-collection-example
# Orphan: the ReplicaSet is deleted and its pods keep running without an owner.
kubectl apply -f my-repset.yaml
sleep 10
kubectl delete rs my-repset --cascade=orphan
sleep 5
kubectl get rs my-repset
kubectl get pods -l pod-is-for=garbage-collection-example -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,OWNER:.metadata.ownerReferences[0].name
