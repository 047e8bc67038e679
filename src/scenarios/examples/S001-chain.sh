# S001-chain: a Deployment owns its ReplicaSet, which owns the Pods
# zh: Deployment 拥有 ReplicaSet，ReplicaSet 拥有 Pod
# The seed draws this chain as a picture; this is the nginx-deployment of the course it summarises.
cat > nginx-deployment.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  selector:
    matchLabels:
      app: nginx
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.7.9
        ports:
        - containerPort: 80
EOF
kubectl apply -f nginx-deployment.yaml
sleep 15
kubectl get deployments,replicasets,pods
kubectl get replicasets -l app=nginx -o custom-columns=NAME:.metadata.name,OWNER-KIND:.metadata.ownerReferences[0].kind,OWNER:.metadata.ownerReferences[0].name,CONTROLLER:.metadata.ownerReferences[0].controller
kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,OWNER-KIND:.metadata.ownerReferences[0].kind,OWNER:.metadata.ownerReferences[0].name,CONTROLLER:.metadata.ownerReferences[0].controller
