# S000-rs: ReplicaSet `app-rs` owns its 3 pods through ownerReferences and replaces a deleted one
# zh: ReplicaSet `app-rs` 通过 ownerReferences 拥有 3 个 Pod，删除一个后立即补建
cat > app-rs.yaml <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: app-rs
  labels:
    app: app-rs
    tier: app-rs
spec:
  # modify replicas according to your case
  replicas: 3
  selector:
    matchLabels:
      tier: app-rs
  template:
    metadata:
      labels:
        tier: app-rs
    spec:
      containers:
        - name: app
          image: app:1.0.0
          imagePullPolicy: Never
EOF
kubectl apply -f app-rs.yaml
sleep 10
kubectl get rs app-rs
kubectl get pods -l tier=app-rs
# Each pod names its owner in metadata.ownerReferences.
kubectl get pods -l tier=app-rs -o custom-columns=NAME:.metadata.name,OWNER-KIND:.metadata.ownerReferences[0].kind,OWNER:.metadata.ownerReferences[0].name,CONTROLLER:.metadata.ownerReferences[0].controller
# Delete the first pod; the ReplicaSet notices at once and creates a replacement.
kubectl delete pod $(kubectl get pods -l tier=app-rs -o jsonpath='{.items[0].metadata.name}')
sleep 10
kubectl get pods -l tier=app-rs
kubectl describe rs app-rs
