# S003-sts-orphan: `delete sts web --cascade=false` leaves its pods running without an owner; deleted ones stay deleted
# zh: `delete sts web --cascade=false` 后 Pod 继续运行且没有属主；删除后不再重建
# The seed's nginx-sts.yaml with its tabs replaced by spaces.
cat > nginx-sts.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
 name: nginx
 labels:
  app: nginx
spec:
 ports:
 - port: 80
   name: web
 clusterIP: None
 selector:
  app: nginx

---
apiVersion: apps/v1
kind: StatefulSet
metadata:
 name: web
spec:
 serviceName: "nginx"
 replicas: 2
 selector:
  matchLabels:
   app: nginx
 template:
  metadata:
   labels:
    app: nginx
  spec:
   containers:
   - name: nginx
     image: nginx
     ports:
     - containerPort: 80
       name: web
EOF
kubectl create -f nginx-sts.yaml
sleep 20
kubectl get po -l app=nginx
kubectl delete sts web --cascade=false
sleep 5
kubectl get sts
kubectl get po -l app=nginx -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,OWNER:.metadata.ownerReferences[0].name
kubectl delete pod web-0
sleep 15
kubectl get po -l app=nginx
